using Commonweal.Accounts;
using Commonweal.Organisations;

namespace Commonweal.Seed;

/// <summary>Synthetic people for scale data: a user each, with one or two memberships their roles allow.</summary>
internal static class ScaleUsers
{
    private static readonly string[] GivenNames =
        ["Aisha", "Ben", "Chloe", "Daniel", "Ella", "Farah", "George", "Hannah", "Imran", "Jade", "Kwame", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sofia", "Tom", "Zainab"];

    private static readonly string[] FamilyNames =
        ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Hussain", "Jones", "Khan", "Lewis", "Mensah", "Nowak", "Okafor", "Patel", "Roberts", "Smith", "Taylor", "Walker", "Williams", "Wilson", "Wright"];

    private static readonly MembershipRole[] Roles = Enum.GetValues<MembershipRole>();

    public static User Create(int number, Random random, string passwordHash, DateTime now)
    {
        var user = SeedUsers.Confirmed($"user{number}@{ScaleData.UserDomain}",
            $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}", now);
        user.PasswordHash = passwordHash;
        return user;
    }

    public static IEnumerable<Membership> Memberships(User user, IReadOnlyList<(Guid Id, LegalForm Form)> organisations, Random random, DateTime now)
    {
        var count = random.Next(4) == 0 ? 2 : 1;
        var joined = new HashSet<(Guid, MembershipRole)>();
        for (var i = 0; i < count; i++)
        {
            var (id, form) = organisations[random.Next(organisations.Count)];
            var role = Roles[random.Next(Roles.Length)];
            if (!MembershipRoles.AllowedFor(role, form))
            {
                role = MembershipRole.Admin;
            }

            if (joined.Add((id, role)))
            {
                yield return new Membership { UserId = user.Id, OrganisationId = id, Role = role, CreatedAt = now };
            }
        }
    }
}
