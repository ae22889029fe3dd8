"""Draaiboek: everything the host of a bijeenkomst needs, on one page."""
