"""One search pipeline for the portal: tasks, ideas and the policy toolbox.

- text.py: spelling skeleton (æ/ae/a, ø/oe/o, å/aa/a), stop words, light Danish stemming.
- dictionary.py: compound splitting with the hunspell-da word list; the curated thesaurus (thesaurus_da.txt).
- document.py: index side, fields → a weighted tsvector literal (title A, place B, summary C, text D).
- query.py: query side, typed words → groups of alternatives (stem, prefix, compound parts, synonyms).
- highlight.py: marks the words that matched, escaped.
- lexicon.py: the words seen when indexing, for "Mente du …?" (pg_trgm similarity).
- sql.py: the one ranking, in SQL, for the task bank and the small collections (ideas, policy pages), with
  their typo correction (pg_trgm) and headlines (ts_headline).
"""
