from coso.units.models import path_within


def _matches(condition, path: str) -> bool:
    bounds = dict(condition.children)
    low = bounds["path__gte"]
    high = bounds.get("path__lt")
    return path >= low and (high is None or path < high)


def test_the_range_holds_exactly_the_paths_under_the_prefix_even_at_the_alphabets_end():
    paths = ["0001", "0001000Z", "000100Z0", "0001ZZZZ", "0002", "000Z", "000Z0001", "0010"]

    for prefix in ["0001", "000Z", "0001ZZZZ", "ZZZZ"]:
        inside = {p for p in paths if _matches(path_within("path", prefix), p)}

        assert inside == {p for p in paths if p.startswith(prefix)}, prefix


def test_the_range_finds_the_same_units_as_the_subtree_in_the_database(tree):
    from coso.units.models import Unit

    for unit in (tree.central, tree.province, tree.bloc, tree.commune, tree.village):
        by_range = set(Unit.objects.filter(path_within("path", unit.path)))
        by_prefix = {u for u in Unit.objects.all() if u.path.startswith(unit.path)}
        assert by_range == by_prefix, unit.name
