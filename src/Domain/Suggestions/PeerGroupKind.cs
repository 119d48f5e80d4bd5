namespace FinOps.Domain.Suggestions;

/// <summary>How the resources of a <see cref="PeerGroup"/> resemble the resource a tag is suggested for.</summary>
internal enum PeerGroupKind
{
    /// <summary>Deployed by the same CloudFormation stack.</summary>
    SameStack,
    /// <summary>Names that start with the same words.</summary>
    SameName,
    /// <summary>Attached to the same VPC.</summary>
    SameVpc,
    /// <summary>Carrying one of the resource's own (valid) tags with the same value.</summary>
    SameTag,
    /// <summary>Of the same type.</summary>
    SameType,
    /// <summary>Anywhere in the scan.</summary>
    Account,
}
