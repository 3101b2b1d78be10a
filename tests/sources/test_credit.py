"""Publication metadata read from a credit line in the text itself."""

from flashpoint.documents import Document
from flashpoint.sources.credit import read_credit


def test_closing_credit_line():
    text = "Body of the story.\nAl-Monitor, September 26, 2022, Fehim Tastekin"
    assert read_credit(text) == {"outlet": "Al-Monitor", "published": "2022-09-26", "author": "Fehim Tastekin"}


def test_other_date_orders_and_separators():
    assert read_credit("x\nReuters - 2023-01-02") == {"outlet": "Reuters", "published": "2023-01-02"}
    assert read_credit("x\nSteppe Monitor | 5 March 2024")["published"] == "2024-03-05"


def test_a_sentence_is_not_a_credit_line():
    assert read_credit("Text.\nThe Kyrgyz, for their part, say 59 people were killed, 2022") == {}
    assert read_credit("") == {}


def test_flags_override_the_credit_line():
    doc = Document.from_text("Story.\nAl-Monitor, September 26, 2022, Fehim Tastekin", outlet="Other", published=None)
    assert doc.outlet == "Other" and doc.published == "2022-09-26"
