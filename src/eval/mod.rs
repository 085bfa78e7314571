//! Scoring a graph against gold annotations in the guideline's format (`zhitu eval`): precision, recall and F1 of entities, targets and facts, per document, per type and micro-averaged.
