"""Private helpers of the hedge stage (:mod:`pipeline.hedge`).

* :mod:`.lexicon` – the cue lexicons and disclaimer/target rules from ``models/hedge``;
* :mod:`.scope` – the main-predicate spine of a sentence (which cues count);
* :mod:`.cues` – in-sentence hedge cues;
* :mod:`.reach` – disclaimer sentences and the claims they reach back or forward to.
"""
