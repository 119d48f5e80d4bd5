using FinOps.Domain.Suggestions;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class GroupCohesionTests
{
    [Fact]
    public void Groups_whose_members_always_agree_are_followed()
    {
        var cohesion = new GroupCohesion();
        foreach (var (group, value) in new[] { (1UL, 0), (1UL, 0), (2UL, 1), (2UL, 1), (2UL, 1) })
        {
            cohesion.Add(group, value);
        }

        Assert.Equal(1.0, cohesion.FollowChance(chanceAgreement: 0.5), 6);
    }

    [Fact]
    public void Groups_that_agree_no_more_than_chance_are_worth_nothing()
    {
        // Each group holds one of each value: two members agree a third of the time, as two random resources would.
        var cohesion = new GroupCohesion();
        foreach (var group in new[] { 1UL, 2UL, 3UL })
        {
            cohesion.Add(group, 0);
            cohesion.Add(group, 1);
            cohesion.Add(group, 2);
        }

        Assert.Equal(0.0, cohesion.FollowChance(chanceAgreement: 1.0 / 3));
    }

    [Fact]
    public void Without_a_group_of_two_nothing_is_measured()
    {
        var cohesion = new GroupCohesion();
        cohesion.Add(1, 0);
        cohesion.Add(2, 1);

        Assert.Equal(0.0, cohesion.FollowChance(chanceAgreement: 0.5));
    }
}
