/// The HTMLSite module; see the design for its role.
public enum HTMLSiteModule {}
