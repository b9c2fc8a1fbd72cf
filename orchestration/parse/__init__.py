"""Parse: raw bytes of a document to its article text, title, language and publication date."""
