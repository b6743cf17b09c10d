"""The numbered article must stay word for word the seed text, paragraph by paragraph."""

from casebook.loader import PARAGRAPH_LINE
from conftest import REPO

SEED = REPO / "seeds" / "what-drives-russias-korea-policy.txt"
NUMBERED = REPO / "lessons_data" / "article_numbered.md"


def seed_body_paragraphs() -> list[str]:
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("To discuss"))
    end = next(i for i, b in enumerate(blocks) if b.startswith("You may also"))
    return blocks[start:end]


def numbered_paragraphs() -> dict[int, str]:
    found = {}
    for line in NUMBERED.read_text(encoding="utf-8").splitlines():
        match = PARAGRAPH_LINE.match(line)
        if match:
            found[int(match.group(1))] = match.group(2)
    return found


def test_numbered_article_matches_the_seed_word_for_word():
    body = seed_body_paragraphs()
    numbered = numbered_paragraphs()
    assert list(numbered) == list(range(1, len(body) + 1))
    for number, text in numbered.items():
        assert text == body[number - 1], f"paragraph {number} differs from the seed"


def test_the_article_has_eight_paragraphs_and_its_known_misprints_are_kept():
    numbered = numbered_paragraphs()
    assert len(numbered) == 8
    assert "Kim II-sung" in numbered[3]  # the article's own error, taught in lesson 02
    assert "Barrack Obama" in numbered[7]


def test_seeds_readme_gives_the_full_citation():
    text = (REPO / "seeds" / "README.md").read_text(encoding="utf-8")
    for part in ("Stephen Blank", "The Interpreter", "Lowy Institute", "13 October 2017",
                 "https://www.lowyinstitute.org/the-interpreter/what-drives-russia-s-korea-policy"):
        assert part in text
