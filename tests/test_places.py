"""The optional places table and its map (issue 17, item 8): distances, the map and its
description on both cases, the readability rules, and a case without places.csv."""

from __future__ import annotations

import math
import shutil
from dataclasses import replace

import pandas as pd
import pytest

from casebook import load_case
from casebook.facts.lesson_03 import linked_places, places_facts
from casebook.model.places import distance_km, nearest_pairs, place_distance_km
from casebook.plots.places import describe_places, no_places_note, places_map
from casebook.plots.readability import DISPLAY_WIDTH_PX, check_figure, png_size
from casebook.requirements import unmet


def test_distance_on_a_known_pair():
    # Paris (48.8566 N, 2.3522 E) to London (51.5074 N, 0.1278 W): about 343.5 km on the
    # sphere. Computed here independently with the spherical law of cosines.
    lat1, lon1, lat2, lon2 = map(math.radians, (48.8566, 2.3522, 51.5074, -0.1278))
    angle = math.acos(math.sin(lat1) * math.sin(lat2)
                      + math.cos(lat1) * math.cos(lat2) * math.cos(lon2 - lon1))
    expected = 6371.0 * angle
    assert 340 < expected < 347
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(expected, rel=1e-9)
    # Symmetric, and along a meridian one degree is 2 pi R / 360.
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(expected)
    assert distance_km(10, 20, 11, 20) == pytest.approx(2 * math.pi * 6371.0 / 360)


def test_an_unknown_place_is_named_in_the_message():
    places = pd.DataFrame({"lat": [0.0], "lon": [0.0]}, index=["here"])
    with pytest.raises(KeyError, match="places.csv has no place 'there' .it has: here."):
        place_distance_km(places, "here", "there")


def test_the_map_names_and_draws_every_place(case):
    assert not case.places.empty
    chart = places_map(case.places, case.sources)
    drawn = chart.figure.axes[0].collections[0].get_offsets()
    expected = case.places[["lon", "lat"]].to_numpy(dtype=float)
    assert drawn.ravel().tolist() == pytest.approx(expected.ravel().tolist())
    labels = [text.get_text() for text in chart.figure.axes[0].texts]
    assert labels == case.places["name"].to_list()
    for name, lat, lon in zip(case.places["name"], case.places["lat"], case.places["lon"],
                              strict=True):
        assert name in chart.description
        assert f"{abs(lat):.2f}°" in chart.description and f"{abs(lon):.2f}°" in chart.description
    # The table beside the map: one row per place, the source given by its title.
    assert chart.table["place"].to_list() == case.places["name"].to_list()
    titles = case.sources.loc[case.places["source_id"], "title"].to_list()
    assert chart.table["source"].to_list() == titles


def test_the_description_gives_the_nearest_pair_with_its_distance(case):
    pairs = nearest_pairs(case.places)
    near = pairs.iloc[0]
    assert near["km"] == min(place_distance_km(case.places, a, b)
                             for a in case.places.index for b in case.places.index if a != b)
    names = case.places["name"]
    assert (f"Nearest pair: {names[near['first']]} and {names[near['second']]}, "
            f"{near['km']:.0f} km apart.") in describe_places(case.places)


def test_the_map_is_readable_where_it_is_shown(case):
    chart = places_map(case.places, case.sources)
    width, _ = png_size(chart.png())
    assert width <= DISPLAY_WIDTH_PX  # shown unshrunk
    findings = check_figure(chart.figure, "places map", width, tight=True)
    assert [str(finding) for finding in findings] == []


NEAR_PLACES = pd.DataFrame({"name": ["Alpha Harbour", "Beta Crossing", "Gamma Station"],
                            "lat": [42.00, 42.05, 42.02], "lon": [130.00, 130.10, 130.20],
                            "role": ["", "", ""], "source_id": ["s", "s", "s"]},
                           index=["a", "b", "c"])


def test_labels_of_near_places_do_not_cover_each_other():
    # Three places a few km apart: each label still finds room of its own.
    chart = places_map(NEAR_PLACES)
    assert [str(f) for f in check_figure(chart.figure, "near places")] == []


def test_labels_all_set_to_the_right_would_overlap(monkeypatch):
    # The placement is what keeps the labels apart: with one position only, they collide.
    from casebook.plots import places as places_module

    monkeypatch.setattr(places_module, "LABEL_OFFSETS", places_module.LABEL_OFFSETS[:1])
    chart = places_map(NEAR_PLACES)
    assert "overlap" in [f.kind for f in check_figure(chart.figure, "near places")]


def test_the_lesson_questions_follow_the_data(case):
    facts = places_facts(case)
    linked = linked_places(case)
    assert linked is not None  # both cases tie two places by one event
    first, second, event = linked
    km = place_distance_km(case.places, first, second)
    assert f"About {km:,.0f} km" in facts["places_answers"]
    assert f'place_distance_km(case.places, "{first}", "{second}")' in facts["places_questions"]
    assert case.events.loc[event, "title"] in facts["places_questions"]
    assert facts["places_answers"].startswith("<details>")


def test_a_case_without_places_runs_lesson_03(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(load_case().data_dir, folder)
    (folder / "places.csv").unlink()
    case = load_case(folder)
    assert "places" in case.absent and case.places.empty
    assert unmet(case, "03") == []
    assert places_facts(case) == {"places_questions": "", "places_answers": ""}
    with pytest.raises(ValueError, match="no rows"):
        places_map(case.places)
    assert no_places_note() == ("This case has no places.csv, so there is no map of its "
                                "places to show.")


def test_a_coordinate_out_of_range_is_reported(tmp_path):
    from casebook.problems import CaseDataError

    folder = tmp_path / "case"
    shutil.copytree(load_case().data_dir, folder)
    places = (folder / "places.csv").read_text().splitlines()
    first = places[1].split(",")
    first[2] = "142.34"  # a latitude beyond the pole
    places[1] = ",".join(first)
    (folder / "places.csv").write_text("\n".join(places) + "\n")
    with pytest.raises(CaseDataError) as error:
        load_case(folder)
    assert "places.csv" in str(error.value) and "'lat'" in str(error.value)
    assert "from -90 to 90" in str(error.value)


def test_a_case_without_places_keeps_the_other_tables(case):
    empty = replace(case, places=case.places.iloc[0:0])
    assert places_facts(empty)["places_answers"] == ""
