package jp.iinj.identity.authorizations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The authorization server's authorizations (authorization requests in progress, issued codes and tokens) in
 * MongoDB ({@code oauth2_authorizations}), so that an authorization code issued by one instance can be redeemed at
 * another, and survives a restart. Modelled on Spring's {@code JdbcOAuth2AuthorizationService}: attributes and token
 * metadata are JSON written with Spring Security's Jackson modules (the allow-listed types only).
 * <p>
 * Lookup is by the SHA-256 of a token value ({@code lookup}: {@code "<type>:<hash>"}), never by the value itself.
 * {@code expireAt} (the latest expiry of its tokens plus an hour) drives a TTL index on MongoDB; the embedded
 * server of the local platform ignores it.
 */
@Component
public class MongoOAuth2AuthorizationService implements OAuth2AuthorizationService, InitializingBean {

    static final String COLLECTION = "oauth2_authorizations";

    private static final Logger log = LoggerFactory.getLogger(MongoOAuth2AuthorizationService.class);
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(1);
    /** An authorization request waiting for the person to sign in: kept for this long. */
    private static final Duration PENDING_REQUEST_LIFETIME = Duration.ofHours(1);

    private static final String STATE = "state";
    private static final String CODE = "code";
    private static final String ACCESS_TOKEN = "access_token";
    private static final String ID_TOKEN = "id_token";
    private static final String REFRESH_TOKEN = "refresh_token";
    private static final String USER_CODE = "user_code";
    private static final String DEVICE_CODE = "device_code";
    private static final List<String> ALL_TYPES =
            List.of(STATE, CODE, ACCESS_TOKEN, ID_TOKEN, REFRESH_TOKEN, USER_CODE, DEVICE_CODE);

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final JsonMapper json;

    public MongoOAuth2AuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients) {
        this.mongo = mongo;
        this.clients = clients;
        ClassLoader classLoader = MongoOAuth2AuthorizationService.class.getClassLoader();
        this.json = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(classLoader)).build();
    }

    @Override
    public void afterPropertiesSet() {
        collection().createIndex(Indexes.ascending("lookup"), new IndexOptions().name("lookup"));
        collection().createIndex(Indexes.ascending("principalName"), new IndexOptions().name("principal_name"));
        try {
            collection().createIndex(Indexes.ascending("expireAt"),
                    new IndexOptions().name("expire_at_ttl").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
        } catch (RuntimeException notSupported) {
            log.warn("No TTL index on {}.expireAt ({}): old authorizations are not deleted automatically", COLLECTION,
                    notSupported.getMessage());
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        collection().replaceOne(Filters.eq("_id", authorization.getId()), toDocument(authorization),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        collection().deleteOne(Filters.eq("_id", authorization.getId()));
    }

    /**
     * Removes every authorization of a person (codes, refresh and access tokens, requests in progress): a refresh
     * token or code of theirs is refused from now on ({@code invalid_grant}). Their JWT access tokens stay valid
     * until they expire.
     *
     * @return how many were removed
     */
    public long removeAllOf(String principalName) {
        Assert.hasText(principalName, "principalName cannot be empty");
        return collection().deleteMany(Filters.eq("principalName", principalName)).getDeletedCount();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Assert.hasText(id, "id cannot be empty");
        Document document = collection().find(Filters.eq("_id", id)).first();
        return document == null ? null : toAuthorization(document);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Assert.hasText(token, "token cannot be empty");
        String hash = sha256(token);
        Bson filter;
        if (tokenType == null) {
            filter = Filters.in("lookup", ALL_TYPES.stream().map(type -> type + ":" + hash).toList());
        } else {
            String type = lookupType(tokenType);
            if (type == null) {
                return null;
            }
            filter = Filters.eq("lookup", type + ":" + hash);
        }
        Document document = collection().find(filter).first();
        return document == null ? null : toAuthorization(document);
    }

    private static String lookupType(OAuth2TokenType tokenType) {
        String value = tokenType.getValue();
        if (OAuth2ParameterNames.STATE.equals(value)) {
            return STATE;
        }
        if (OAuth2ParameterNames.CODE.equals(value)) {
            return CODE;
        }
        if (OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
            return ACCESS_TOKEN;
        }
        if (OidcParameterNames.ID_TOKEN.equals(value)) {
            return ID_TOKEN;
        }
        if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            return REFRESH_TOKEN;
        }
        if (OAuth2ParameterNames.USER_CODE.equals(value)) {
            return USER_CODE;
        }
        if (OAuth2ParameterNames.DEVICE_CODE.equals(value)) {
            return DEVICE_CODE;
        }
        return null;
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    private Document toDocument(OAuth2Authorization authorization) {
        List<String> lookup = new ArrayList<>();
        Instant latestExpiry = null;
        Document tokens = new Document();

        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null && !state.isEmpty()) {
            lookup.add(STATE + ":" + sha256(state));
        }
        for (var entry : Map.<String, Class<? extends OAuth2Token>>of(
                CODE, OAuth2AuthorizationCode.class,
                ACCESS_TOKEN, OAuth2AccessToken.class,
                ID_TOKEN, OidcIdToken.class,
                REFRESH_TOKEN, OAuth2RefreshToken.class,
                USER_CODE, OAuth2UserCode.class,
                DEVICE_CODE, OAuth2DeviceCode.class).entrySet()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(entry.getValue());
            if (token == null) {
                continue;
            }
            OAuth2Token value = token.getToken();
            Document stored = new Document("value", value.getTokenValue())
                    .append("issuedAt", date(value.getIssuedAt()))
                    .append("expiresAt", date(value.getExpiresAt()))
                    .append("metadata", write(token.getMetadata()));
            if (value instanceof OAuth2AccessToken accessToken) {
                stored.append("tokenType", accessToken.getTokenType().getValue())
                        .append("scopes", new ArrayList<>(accessToken.getScopes()));
            }
            tokens.append(entry.getKey(), stored);
            lookup.add(entry.getKey() + ":" + sha256(value.getTokenValue()));
            if (value.getExpiresAt() != null && (latestExpiry == null || value.getExpiresAt().isAfter(latestExpiry))) {
                latestExpiry = value.getExpiresAt();
            }
        }
        Instant expireAt = (latestExpiry != null ? latestExpiry : Instant.now().plus(PENDING_REQUEST_LIFETIME))
                .plus(KEEP_AFTER_EXPIRY);
        return new Document("_id", authorization.getId())
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("authorizedScopes", new ArrayList<>(authorization.getAuthorizedScopes()))
                .append("attributes", write(authorization.getAttributes()))
                .append("tokens", tokens)
                .append("lookup", lookup)
                .append("expireAt", date(expireAt));
    }

    @SuppressWarnings("unchecked")
    private OAuth2Authorization toAuthorization(Document document) {
        String registeredClientId = document.getString("registeredClientId");
        RegisteredClient client = clients.findById(registeredClientId);
        if (client == null) {
            throw new DataRetrievalFailureException(
                    "The RegisteredClient with id '" + registeredClientId + "' was not found.");
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(document.getString("_id"))
                .principalName(document.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(document.getString("grantType")))
                .authorizedScopes(new java.util.HashSet<>(document.getList("authorizedScopes", String.class, List.of())))
                .attributes(attributes -> attributes.putAll(read(document.getString("attributes"))));
        Document tokens = document.get("tokens", Document.class);
        if (tokens == null) {
            return builder.build();
        }
        Document code = tokens.get(CODE, Document.class);
        if (code != null) {
            builder.token(new OAuth2AuthorizationCode(code.getString("value"), instant(code, "issuedAt"),
                    instant(code, "expiresAt")), metadata -> metadata.putAll(read(code.getString("metadata"))));
        }
        Document access = tokens.get(ACCESS_TOKEN, Document.class);
        if (access != null) {
            OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.DPOP.getValue()
                    .equalsIgnoreCase(access.getString("tokenType"))
                    ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
            builder.token(new OAuth2AccessToken(type, access.getString("value"), instant(access, "issuedAt"),
                            instant(access, "expiresAt"),
                            new java.util.HashSet<>(access.getList("scopes", String.class, List.of()))),
                    metadata -> metadata.putAll(read(access.getString("metadata"))));
        }
        Document idToken = tokens.get(ID_TOKEN, Document.class);
        if (idToken != null) {
            Map<String, Object> metadata = read(idToken.getString("metadata"));
            builder.token(new OidcIdToken(idToken.getString("value"), instant(idToken, "issuedAt"),
                    instant(idToken, "expiresAt"),
                    (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME)),
                    m -> m.putAll(metadata));
        }
        Document refresh = tokens.get(REFRESH_TOKEN, Document.class);
        if (refresh != null) {
            builder.token(new OAuth2RefreshToken(refresh.getString("value"), instant(refresh, "issuedAt"),
                    instant(refresh, "expiresAt")), metadata -> metadata.putAll(read(refresh.getString("metadata"))));
        }
        Document userCode = tokens.get(USER_CODE, Document.class);
        if (userCode != null) {
            builder.token(new OAuth2UserCode(userCode.getString("value"), instant(userCode, "issuedAt"),
                    instant(userCode, "expiresAt")), metadata -> metadata.putAll(read(userCode.getString("metadata"))));
        }
        Document deviceCode = tokens.get(DEVICE_CODE, Document.class);
        if (deviceCode != null) {
            builder.token(new OAuth2DeviceCode(deviceCode.getString("value"), instant(deviceCode, "issuedAt"),
                    instant(deviceCode, "expiresAt")),
                    metadata -> metadata.putAll(read(deviceCode.getString("metadata"))));
        }
        return builder.build();
    }

    private String write(Map<String, Object> data) {
        return json.writeValueAsString(data);
    }

    private Map<String, Object> read(String data) {
        if (data == null) {
            return Map.of();
        }
        return json.readValue(data, new TypeReference<Map<String, Object>>() {
        });
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
