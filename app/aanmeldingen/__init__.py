"""Aanmeldingen: who comes to a bijeenkomst, with a waiting list when the venue is full."""
