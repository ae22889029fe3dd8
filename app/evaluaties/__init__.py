"""Evaluaties: learning value, fun and take-away of a bijeenkomst, per deelnemer, once."""
