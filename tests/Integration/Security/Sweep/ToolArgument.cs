namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>One argument of a tool's input schema: its JSON type, whether it is required, and enum values (as JSON) if any.</summary>
public sealed record ToolArgument(string Name, string Type, bool Required, IReadOnlyList<string> EnumValues);
