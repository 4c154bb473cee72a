"""What the editor sends becomes the paragraphs the author wrote."""

from community.posts.writing import body_from_editor


def test_lines_the_browser_wrote_as_divs_stay_separate_paragraphs():
    # Chromium's editable area: the first line bare, each new line in a <div>.
    html = "Første linje<div>Anden linje</div><div><br></div><div>Tredje afsnit</div>"
    assert body_from_editor(html) == (
        "<p>Første linje</p><p>Anden linje</p><p><br></p><p>Tredje afsnit</p>"
    )


def test_bare_text_before_a_paragraph_gets_its_own_paragraph():
    assert body_from_editor("<strong>Hej</strong> du<p>næste</p>") == (
        "<p><strong>Hej</strong> du</p><p>næste</p>"
    )


def test_plain_text_becomes_paragraphs_and_paragraphs_are_kept():
    assert body_from_editor("en\n\nto") == "<p>en</p><p>to</p>"
    assert body_from_editor("<p>a</p><p>b</p>") == "<p>a</p><p>b</p>"
