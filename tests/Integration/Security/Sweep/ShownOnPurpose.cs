namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>Server text a page shows on purpose (the policy page says where the policy file is stored), exempt from the leak check on that page only.</summary>
public sealed record ShownOnPurpose(string PagePath, string Text);
