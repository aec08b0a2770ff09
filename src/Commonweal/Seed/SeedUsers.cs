using Commonweal.Accounts;

namespace Commonweal.Seed;

internal static class SeedUsers
{
    /// <summary>A user whose email address counts as confirmed, as seeded accounts sign in at once.</summary>
    public static User Confirmed(string email, string displayName, DateTime now) => new()
    {
        DisplayName = displayName,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        CreatedAt = now,
    };
}
