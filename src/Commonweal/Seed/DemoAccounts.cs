namespace Commonweal.Seed;

/// <summary>The demo area's sign-ins, one per role; listed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "Commonweal-Demo-2026";

    public const string PlatformAdmin = "admin@commonweal.example";
    public const string Commissioner = "commissioner@commonweal.example";
    public const string Evaluator = "evaluator@commonweal.example";
    public const string ProviderAdmin = "provider@commonweal.example";
    public const string Practitioner = "practitioner@commonweal.example";
    public const string GeneralPractitioner = "gp@commonweal.example";
    public const string SocialWorker = "socialworker@commonweal.example";
    public const string MoneyAdviser = "adviser@commonweal.example";
    public const string SafeguardingLead = "safeguarding@commonweal.example";
}
