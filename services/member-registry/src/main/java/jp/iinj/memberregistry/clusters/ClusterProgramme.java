package jp.iinj.memberregistry.clusters;

/** The public programme a cluster was formed under. */
public enum ClusterProgramme {
    /** METI Industrial Cluster Project (産業クラスター計画). */
    METI_INDUSTRIAL_CLUSTER,
    /** MEXT Knowledge Cluster Initiative (知的クラスター創成事業). */
    MEXT_KNOWLEDGE_CLUSTER,
    /** MEXT City Area Programme (都市エリア産学官連携促進事業). */
    MEXT_CITY_AREA,
    /** A cluster run by a prefecture, city or regional body outside the national programmes. */
    REGIONAL
}
