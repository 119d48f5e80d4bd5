namespace FinOps.Aws.Live;

/// <summary>One AWS API call the live adapters make, and the IAM action that authorises it.</summary>
/// <param name="SigningService">The SigV4 service name the request is signed for (<c>ec2</c>, <c>tagging</c>, …).</param>
/// <param name="Operation">The API operation as it travels on the wire (<c>DescribeInstances</c>).</param>
/// <param name="IamAction">The IAM action a policy must allow (<c>ec2:DescribeInstances</c>).</param>
public sealed record AwsCall(string SigningService, string Operation, string IamAction)
{
    public override string ToString() => IamAction;
}
