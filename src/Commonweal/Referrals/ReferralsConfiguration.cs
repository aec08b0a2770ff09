using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Referrals;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        // One record per NHS number; people without one are matched on name, birth date and postcode instead.
        builder.HasIndex(p => p.NhsNumber).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.FamilyName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.WhatMattersToMe).HasMaxLength(Person.TextMaxLength);
        builder.Property(p => p.MatchKey).HasMaxLength(250);
        builder.HasIndex(p => p.MatchKey);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("consents");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RepresentativeName).HasMaxLength(Person.NameMaxLength);
        builder.Property(c => c.RepresentativeRelationship).HasMaxLength(Person.NameMaxLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.Property(c => c.WithdrawnReason).HasMaxLength(Consent.TextMaxLength);
        builder.Property(c => c.WithdrawalRecordedBy).HasMaxLength(200);
        builder.HasIndex(c => c.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CareTeamMemberConfiguration : IEntityTypeConfiguration<CareTeamMember>
{
    public void Configure(EntityTypeBuilder<CareTeamMember> builder)
    {
        builder.ToTable("care_team_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Role).HasMaxLength(CareTeamMember.RoleMaxLength);
        builder.HasIndex(m => new { m.PersonId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.ToTable("break_glass_accesses");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.UserName).HasMaxLength(200);
        builder.Property(b => b.Reason).HasMaxLength(BreakGlassAccess.ReasonMaxLength);
        builder.Property(b => b.ReviewedBy).HasMaxLength(200);
        builder.Property(b => b.ReviewNote).HasMaxLength(BreakGlassAccess.ReasonMaxLength);
        builder.HasIndex(b => new { b.PersonId, b.UserId });
        builder.HasIndex(b => b.ReviewedAt);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.RequestedService).HasMaxLength(300);
        builder.Property(r => r.ReferrerName).HasMaxLength(200);
        builder.Property(r => r.ReferrerOrganisationName).HasMaxLength(300);
        builder.Property(r => r.ReferrerPhone).HasMaxLength(40);
        builder.Property(r => r.ReferrerEmail).HasMaxLength(254);
        builder.Property(r => r.Notes).HasMaxLength(Referral.NotesMaxLength);
        builder.Property(r => r.StatusReason).HasMaxLength(Referral.ReasonMaxLength);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.HasIndex(r => r.ExternalId).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => new { r.ReceivingOrganisationId, r.Status });
        builder.HasIndex(r => new { r.ServiceId, r.Status });
        // Outcome analysis counts each service's referrals made in a period.
        builder.HasIndex(r => new { r.ServiceId, r.CreatedAt });
        builder.HasIndex(r => r.ReferrerUserId);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Reasons).WithOne().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralReasonConfiguration : IEntityTypeConfiguration<ReferralReason>
{
    public void Configure(EntityTypeBuilder<ReferralReason> builder)
    {
        builder.ToTable("referral_reasons");
        builder.HasKey(r => new { r.ReferralId, r.TaxonomyTermId });
        builder.HasIndex(r => r.TaxonomyTermId);
        builder.HasOne(r => r.TaxonomyTerm).WithMany().HasForeignKey(r => r.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralTransitionConfiguration : IEntityTypeConfiguration<ReferralTransition>
{
    public void Configure(EntityTypeBuilder<ReferralTransition> builder)
    {
        builder.ToTable("referral_transitions");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.By).HasMaxLength(200);
        builder.Property(t => t.Reason).HasMaxLength(Referral.ReasonMaxLength);
        builder.HasIndex(t => t.ReferralId);
    }
}

internal sealed class ReferralMessageConfiguration : IEntityTypeConfiguration<ReferralMessage>
{
    public void Configure(EntityTypeBuilder<ReferralMessage> builder)
    {
        builder.ToTable("referral_messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Author).HasMaxLength(200);
        builder.Property(m => m.AuthorOrganisationName).HasMaxLength(300);
        // Messages carry personal details; the log records that one was sent, not what it said.
        builder.Property(m => m.Text).HasMaxLength(ReferralMessage.TextMaxLength).IsAuditRedacted();
        builder.HasIndex(m => m.ReferralId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralAttachmentConfiguration : IEntityTypeConfiguration<ReferralAttachment>
{
    public void Configure(EntityTypeBuilder<ReferralAttachment> builder)
    {
        builder.ToTable("referral_attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(ReferralAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.AddedBy).HasMaxLength(200);
        builder.Property(a => a.Content).IsAuditRedacted();
        builder.HasIndex(a => a.ReferralId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
