"""Extract: one spaCy parse per document, shared by every extractor, then cross-document resolution."""
