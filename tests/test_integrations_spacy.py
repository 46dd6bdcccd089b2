"""spaCy integration: the "namematch" pipeline component on a blank pipeline (extra ``[spacy]``)."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from namematch import Resolver  # noqa: E402
from namematch.batch import default_resolver  # noqa: E402
from namematch.integrations.spacy import DEFAULT_LABELS, NamematchComponent  # noqa: E402

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"),
                                    reason="Resolver.find_mentions not there yet (namematch/mentions.py)")

TEXT = ("The press service of Kazakhstan's President Qasym-Zhomart Toqaev said his envoy met "
        "Afghans in Kabul; Тоқаев later flew to Nur-Sultan.")


def _installed() -> bool:
    try:
        eps = importlib.metadata.distribution("namematch-ca").entry_points
    except importlib.metadata.PackageNotFoundError:
        return False
    return any(ep.group == "spacy_factories" and ep.name == "namematch" for ep in eps)


def test_factory_config_is_validated() -> None:
    """Config values reach the component; an unknown label key is refused with the valid keys."""
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("namematch", config={"overwrite_ents": True, "labels": {"place": "LOC"}})
    assert isinstance(pipe, NamematchComponent) and pipe.overwrite_ents
    assert pipe.labels == {**DEFAULT_LABELS, "place": "LOC"}
    with pytest.raises(ValueError, match="unknown label key"):
        spacy.blank("en").add_pipe("namematch", config={"labels": {"planet": "X"}})


@pytest.mark.skipif(not _installed(), reason="namematch-ca is not installed (entry points need the metadata)")
def test_entry_point_makes_add_pipe_work_without_import() -> None:
    """An installed namematch registers the factory: a fresh interpreter needs only spacy."""
    code = textwrap.dedent("""
        import sys, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("namematch")
        assert "namematch.integrations.spacy" in sys.modules
        print(nlp.pipe_names)
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         check=False, cwd=os.path.dirname(sys.executable))
    assert out.returncode == 0, out.stderr
    assert "['namematch']" in out.stdout


@needs_mentions
def test_entities_from_mentions_with_kb_ids_labels_and_extensions() -> None:
    """Each mention becomes an entity: kb_id_ = entity id, label from the type, score and name as extensions."""
    nlp = spacy.blank("en")
    nlp.add_pipe("namematch")
    doc = nlp(TEXT)
    mentions = default_resolver().find_mentions(TEXT)
    assert mentions and len(doc.ents) == len(mentions)
    for ent, m in zip(doc.ents, mentions):
        assert ent.kb_id_ == m.entity.id
        assert ent.label_ == DEFAULT_LABELS[m.entity.type.value]
        assert ent.start_char <= m.start and m.end <= ent.end_char  # expanded to whole tokens
        assert ent._.namematch_score == m.score and ent._.namematch_name == m.name.text
    ids = {e.kb_id_ for e in doc.ents}
    assert {"kassym-jomart-tokayev", "kabul", "astana"} <= ids


@needs_mentions
def test_demonyms_are_norp_and_labels_can_be_overridden() -> None:
    """demonyms=true tags "Afghans" as NORP; the labels config renames a type's label."""
    nlp = spacy.blank("en")
    nlp.add_pipe("namematch", config={"demonyms": True, "labels": {"place": "LOC"}})
    doc = nlp(TEXT)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Afghans"] == "NORP" and labels["Kabul"] == "LOC"
    assert labels["Qasym-Zhomart Toqaev"] == "PERSON"


@needs_mentions
def test_existing_entities_kept_unless_overwrite() -> None:
    """An entity set by an earlier component wins by default; overwrite_ents=true replaces it."""
    for overwrite, label in ((False, "CITY"), (True, "GPE")):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "CITY", "pattern": "Kabul"}])
        nlp.add_pipe("namematch", config={"overwrite_ents": overwrite})
        doc = nlp(TEXT)
        kabul = next(e for e in doc.ents if e.text == "Kabul")
        assert kabul.label_ == label
        assert kabul.kb_id_ == ("kabul" if overwrite else "")
        assert "kassym-jomart-tokayev" in {e.kb_id_ for e in doc.ents}


@needs_mentions
def test_pipe_and_custom_resolver() -> None:
    """nlp.pipe gives the same entities as nlp(); a resolver set on the component is the one used."""
    from gazetteer import Gazetteer

    nlp = spacy.blank("en")
    nlp.add_pipe("namematch")
    texts = [TEXT, "", "Nothing here."]
    assert [[(e.start, e.end, e.kb_id_) for e in d.ents] for d in nlp.pipe(texts)] == \
        [[(e.start, e.end, e.kb_id_) for e in nlp(t).ents] for t in texts]
    nlp.get_pipe("namematch").resolver = Resolver(
        Gazetteer.from_records([{"id": "x", "type": "org", "name": "Example Widget Company"}]))
    doc = nlp("They sued Example Widget Company in Kabul.")
    assert [(e.text, e.kb_id_, e.label_) for e in doc.ents] == [("Example Widget Company", "x", "ORG")]


@needs_mentions
def test_saved_pipeline_loads_with_its_config(tmp_path: Path) -> None:
    """nlp.to_disk / spacy.load rebuilds the component from its config (no state of its own to save)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("namematch", config={"demonyms": True, "labels": {"place": "LOC"}})
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == ["namematch"]
    text = "Afghans gathered in Kabul."
    assert [(e.text, e.label_, e.kb_id_) for e in loaded(text).ents] == \
        [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]
    assert "LOC" in {e.label_ for e in loaded(text).ents}
