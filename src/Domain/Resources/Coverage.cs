namespace FinOps.Domain.Resources;

/// <summary>How completely a listing sees the resources of a type.</summary>
public enum Coverage
{
    /// <summary>Every resource of the type is listed, tagged or not.</summary>
    Complete,
    /// <summary>Only resources that have (or once had) a tag are listed (Resource Groups Tagging API).</summary>
    TaggedOnly,
}
