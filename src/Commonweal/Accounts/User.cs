using Commonweal.Data;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Accounts;

public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public User()
    {
        Id = NewId.Next();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }

    /// <summary>Platform administrators manage accounts, review break-glass access and verify the audit chain.</summary>
    public bool IsPlatformAdmin { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
