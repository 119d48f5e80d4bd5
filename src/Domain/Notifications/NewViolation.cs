using FinOps.Domain.Policy;

namespace FinOps.Domain.Notifications;

/// <summary>A violation that appeared since the previous run, on a resource the run still sees.</summary>
/// <param name="Arn">The resource.</param>
/// <param name="Name">Its name, when it has one.</param>
/// <param name="Region">Its region.</param>
/// <param name="Detail">The broken rule.</param>
/// <param name="CostAtStakeCents">The resource's cost at stake now.</param>
/// <param name="Owner">The resource's owner.</param>
public sealed record NewViolation(string Arn, string? Name, string Region, TagViolation Detail, long CostAtStakeCents, string Owner);
