"""Agenda: the parts of a bijeenkomst in their werkvorm, linked to the leervragen they serve."""
