//! The drill's recorder and STAR marks and the rubric's figures, with fake programs.
