"""Calendar feeds (RFC 5545): a network's bijeenkomsten, or a person's across their networks."""
