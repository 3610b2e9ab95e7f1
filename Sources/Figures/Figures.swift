// Figures: image grids as PNG files and charts as SVG files, for the site, `course run` and
// plain programs, and the display sink that steps show their results through. Drawing is not
// computing: no cache key includes this module, so restyling a chart leaves every cell fresh.
