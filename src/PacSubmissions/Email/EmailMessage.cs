namespace PacSubmissions.Email;

/// <summary>
/// One e-mail, with the key that makes it unique: the campaign year, the centre (or <c>hq</c>), the kind, and what
/// distinguishes it within the kind (a submission id, a reminder offset). The key is what the ledger claims.
/// </summary>
public sealed record EmailKey(int Year, string Centre, string Kind, string Detail)
{
    public override string ToString() => $"{Year}|{Centre}|{Kind}|{Detail}";
}

public sealed record EmailMessage(EmailKey Key, string To, string Subject, string Text, string Html);
