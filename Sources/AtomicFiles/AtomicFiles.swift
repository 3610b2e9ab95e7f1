// AtomicFiles: writes that a crash cannot leave half done. The cache and the site write every
// file and swap every folder through it, so an interrupted run leaves the previous state intact.
