"""Role decisions: which of the mentions the extractors find belong to the document's event, and as what."""
