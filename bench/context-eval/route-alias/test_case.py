from trips.route import route_length
import geo.distance as gd

stops = [(48.85, 2.35), (51.5, -0.12), (52.52, 13.4)]
expected = gd.haversine_km(stops[0], stops[1]) + gd.haversine_km(stops[1], stops[2])
assert abs(route_length(stops) - expected) < 1e-6, route_length(stops)
assert route_length(stops[:1]) == 0.0
