import geo.distance as gd


def route_length(stops: list[tuple[float, float]]) -> float:
    """Length of the route in km: gd.haversine_km summed over consecutive stops; 0.0 for fewer than two."""
    pass
