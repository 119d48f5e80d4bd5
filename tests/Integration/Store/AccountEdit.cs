namespace FinOps.Tests.Integration.Store;

/// <summary>What happens to the generated account between two scans.</summary>
public enum AccountEditKind
{
    /// <summary>A resource's tags change (to one of a few variants, so values also change back).</summary>
    Retag,

    /// <summary>A resource's state changes (running, stopped, none).</summary>
    Restate,

    /// <summary>A resource appears.</summary>
    Add,

    /// <summary>A resource is deleted.</summary>
    Remove,
}

/// <summary>One change to the generated account: a kind, which resource (modulo the count) and a variant.</summary>
public sealed record AccountEdit(AccountEditKind Kind, int Target, int Variant)
{
    public override string ToString() => $"{Kind}({Target},{Variant})";
}
