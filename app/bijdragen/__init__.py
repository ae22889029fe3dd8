"""Bijdragen: host contact people, organisers, presenters and facilitators of a bijeenkomst."""
