"""Private helpers of the attribute stage (:mod:`pipeline.attribute`).

* :mod:`.lexicon` — the reporting-cue and source-type lexicons from ``models/attribute``;
* :mod:`.quotes` — quotation-mark pairing into quote regions;
* :mod:`.cues` — reporting cues of a sentence from the dependency parse;
* :mod:`.sources` — the source phrase, its canonical form, type and coreference.
"""
