namespace FinOps.Domain.History;

/// <summary>What a trend figure is about.</summary>
public enum FigureDimension
{
    /// <summary>The whole account (key <c>all</c>).</summary>
    Overall,

    /// <summary>One region (key: the region code, or <c>global</c>).</summary>
    Region,

    /// <summary>One resource type (key: the type code).</summary>
    ResourceType,
}
