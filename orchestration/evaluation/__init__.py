"""Evaluation data of our own: the labelled corpus, its split into a tuning half and a check half."""
