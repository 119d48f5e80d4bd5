namespace FinOps.Web.Components.Pages;

/// <summary>Every region of the shown result with its figures and status; each links to its region view.</summary>
public sealed partial class Regions;
