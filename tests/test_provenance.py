"""The declared digital source types: the IPTC field, and valid Content Credentials' actions."""

from archive.provenance import ai_source_type, declared_source_types

AI = "trainedAlgorithmicMedia"
AI_EDIT = "compositeWithTrainedAlgorithmicMedia"
PHOTO = "digitalCapture"


def summary(*codes: str) -> dict:
    return {"actions": [{"action": "c2pa.created", "digital_source_type": code} for code in codes]}


def test_the_iptc_field_alone():
    assert declared_source_types(PHOTO, "", {}) == (PHOTO,)
    assert ai_source_type(PHOTO, "", {}) == ""
    assert ai_source_type(AI, "none", None) == AI
    assert declared_source_types("", "", None) == ()


def test_valid_credentials_add_their_actions_and_either_ai_code_wins():
    for state in ("trusted", "untrusted"):
        assert declared_source_types(PHOTO, state, summary(AI_EDIT, PHOTO)) == (PHOTO, AI_EDIT)
        # The file's IPTC says a photograph, its signed actions say a model edited it.
        assert ai_source_type(PHOTO, state, summary(PHOTO, AI_EDIT)) == AI_EDIT
        assert ai_source_type("", state, summary(AI)) == AI
    # The IPTC field comes first when both declare AI.
    assert ai_source_type(AI_EDIT, "trusted", summary(AI)) == AI_EDIT


def test_credentials_that_prove_nothing_declare_nothing():
    for state in ("invalid", "none", ""):
        assert declared_source_types(PHOTO, state, summary(AI)) == (PHOTO,)
        assert ai_source_type(PHOTO, state, summary(AI)) == ""


def test_malformed_summaries_are_read_as_empty():
    for bad in (None, [], "text", {"actions": "x"}, {"actions": [None, 3, {"action": "x"}]}):
        assert declared_source_types("", "trusted", bad) == ()
