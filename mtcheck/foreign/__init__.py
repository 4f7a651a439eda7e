"""Foreign text in English: the analysis behind the `untranslated` rules.

- `lexicon`: what one word form says about its language (`verdict`) and the lists;
- `context`: where a foreign word is meant (quoted titles, glosses, names);
- `marks`: the shared per-document analysis (candidate languages, marked words);
- `sentences`: sentences, clauses and lines in another language;
- `words`: single source words in English sentences;
- `copies`: sentences copied from the source text.
"""
