using System.Collections.Frozen;

namespace FinOps.Domain.Custodian;

/// <summary>
/// The Cloud Custodian resource name of each catalogue type (<c>ec2:instance</c> → <c>aws.ec2</c>). One table, next
/// to nothing else, so a type added to the catalogue without a Custodian counterpart is reported, never guessed.
/// </summary>
public static class CustodianResources
{
    private static readonly FrozenDictionary<string, string> ByType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ec2:instance"] = "aws.ec2",
        ["ec2:volume"] = "aws.ebs",
        ["ec2:snapshot"] = "aws.ebs-snapshot",
        ["ec2:elastic-ip"] = "aws.elastic-ip",
        ["ec2:natgateway"] = "aws.nat-gateway",
        ["lambda:function"] = "aws.lambda",
        ["ecs:cluster"] = "aws.ecs",
        ["ecs:service"] = "aws.ecs-service",
        ["eks:cluster"] = "aws.eks",
        ["eks:nodegroup"] = "aws.eks-nodegroup",
        ["s3:bucket"] = "aws.s3",
        ["elasticfilesystem:file-system"] = "aws.efs",
        ["fsx:file-system"] = "aws.fsx",
        ["rds:db"] = "aws.rds",
        ["rds:cluster"] = "aws.rds-cluster",
        ["dynamodb:table"] = "aws.dynamodb-table",
        ["elasticache:cluster"] = "aws.cache-cluster",
        ["redshift:cluster"] = "aws.redshift",
        ["sagemaker:endpoint"] = "aws.sagemaker-endpoint",
        ["sagemaker:notebook-instance"] = "aws.sagemaker-notebook",
        ["elasticloadbalancing:loadbalancer"] = "aws.app-elb",
        ["kinesis:stream"] = "aws.kinesis",
        ["glue:job"] = "aws.glue-job",
        ["opensearch:domain"] = "aws.elasticsearch",
        ["emr:cluster"] = "aws.emr",
        ["secretsmanager:secret"] = "aws.secrets-manager",
        ["kms:key"] = "aws.kms-key",
        ["apigateway:restapi"] = "aws.rest-api",
        ["cloudfront:distribution"] = "aws.distribution",
        ["route53:hostedzone"] = "aws.hostedzone",
        ["stepfunctions:statemachine"] = "aws.step-machine",
        ["codebuild:project"] = "aws.codebuild",
        ["ec2:vpc"] = "aws.vpc",
        ["ec2:subnet"] = "aws.subnet",
        ["ec2:security-group"] = "aws.security-group",
        ["sqs:queue"] = "aws.sqs",
        ["sns:topic"] = "aws.sns",
        ["logs:log-group"] = "aws.log-group",
        ["cloudwatch:alarm"] = "aws.alarm",
        ["ecr:repository"] = "aws.ecr",
        ["iam:role"] = "aws.iam-role",
        ["iam:user"] = "aws.iam-user",
        ["iam:policy"] = "aws.iam-policy",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Custodian resource of a catalogue type, when Custodian has one.</summary>
    public static bool TryGet(string resourceType, out string resource) => ByType.TryGetValue(resourceType, out resource!);
}
