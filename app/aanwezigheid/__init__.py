"""Aanwezigheid: who was at a bijeenkomst, registered by a kartrekker or the host."""
