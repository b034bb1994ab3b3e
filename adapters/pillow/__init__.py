"""The spread picture drawn with Pillow (the `SpreadRenderer` port): our own card faces, the spread's
real layout, position numbers with a legend, in the Source Serif Pro typeface that installs with us."""
