"""Stills: a picture printed after a video is a frame of it only when something says so."""

from __future__ import annotations

import pytest

from archive.articles.draft import (
    KIND_PICTURE,
    KIND_STILL,
    KIND_VIDEO,
    DraftPlacement,
    mark_stills,
)


def _video(title: str, **kw) -> DraftPlacement:
    return DraftPlacement(0, KIND_VIDEO, title=title, caption=title, credit="AP", **kw)


def _picture(caption: str, **kw) -> DraftPlacement:
    return DraftPlacement(0, KIND_PICTURE, caption=caption, credit="AP", **kw)


@pytest.mark.parametrize(
    "caption",
    [
        "In this image taken from the AP video above, firefighters spray water on a transformer.",
        "Flames burn on both sides of the highway in a moment captured in the video above.",
        "A screengrab shows the convoy on the bridge.",
        "A still from footage released by the ministry.",
        "Footage shows the tanker listing to port.",
        "Imagen tomada de una captura de vídeo difundida por el sindicato.",
        "Кадр з відео ДСНС",
    ],
)
def test_wording_that_names_the_video_makes_a_still(caption):
    video, pic = _video("Strikes leave millions without power"), _picture(caption)
    mark_stills([video, pic])
    assert pic.kind == KIND_STILL


@pytest.mark.parametrize(
    ("title", "caption"),
    [
        (
            "Castlebridge Rovers fans sing outside Marsh Lane as takeover is confirmed",
            "Rovers fans gathered outside Marsh Lane as news of the sale broke",
        ),
        (
            "Trabajadores bloquean el acceso a la mina Cerro Alto",
            "Trabajadores de Cerro Alto durante la votación de la huelga",
        ),
    ],
)
def test_shared_words_alone_do_not_make_a_still(title, caption):
    video, pic = _video(title), _picture(caption)
    mark_stills([video, pic])
    assert pic.kind == KIND_PICTURE


def test_a_moment_of_the_video_with_a_word_of_its_title_is_a_still():
    video = _video("Ukraine: Russian vehicle flips over fleeing incoming fire")
    pic = _picture("Russian soldiers moments before the armoured car flips")
    mark_stills([video, pic])
    assert pic.kind == KIND_STILL


def test_a_moment_unrelated_to_the_video_is_a_picture():
    video = _video("Ukraine: Russian vehicle flips over fleeing incoming fire")
    pic = _picture("The mayor speaks to residents moments after the vote in Odesa")
    mark_stills([video, pic])
    assert pic.kind == KIND_PICTURE


def test_the_videos_poster_image_is_a_still_in_any_size():
    video = _video(
        "Wildfire jumps a highway",
        posters=["https://media.example/prod/fire-video-still.jpg"],
    )
    other = _picture("Evacuees register at a centre.", src="https://media.example/prod/centre.jpg")
    still = _picture(
        "Flames on both sides of the road.",
        src="https://media.example/prod/fire-video-still.jpg?c=16x9&q=w_780",
    )
    mark_stills([video, other, still])
    assert (other.kind, still.kind) == (KIND_PICTURE, KIND_STILL)


def test_a_video_printed_without_credit_keeps_no_credit_beside_its_credited_still():
    video = DraftPlacement(0, KIND_VIDEO, title="Ferry leaves the harbour", caption="Ferry leaves")
    still = DraftPlacement(
        0, KIND_PICTURE, caption="The ferry moments before it leaves", credit="Harbour Cams"
    )
    mark_stills([video, still])
    assert still.kind == KIND_STILL and still.credit == "Harbour Cams"
    assert video.credit == "" and video.needs_review
    assert any("Harbour Cams" in note for note in video.notes)
