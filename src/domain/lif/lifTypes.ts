/**
 * VDMA LIF 1.0.0 (Layout Interchange Format, the companion of VDA 5050) as TypeScript types: the fields of
 * data/lif/LIF.schema.json and LIF.md section 8.3, plus the twin's own extension objects (`smartGateTwin`, see
 * docs/formats.md). LIF lets a file carry further parameters (LIF.md section 6) and the official schema allows
 * them; the twin writes only what LIF has no field for.
 */

export const LIF_VERSION = '1.0.0';

/** The one vehicle type a scene's fleet is written as (LIF suggests `[manufacturer].[seriesName]`). */
export const TWIN_VEHICLE_TYPE = 'smart-gate-twin.container-agv';

export interface LifPoint {
  readonly x: number;
  readonly y: number;
}

export interface LifAction {
  readonly actionType: string;
  readonly actionDescription?: string;
  readonly requirementType?: 'REQUIRED' | 'CONDITIONAL' | 'OPTIONAL';
  readonly blockingType: 'NONE' | 'SOFT' | 'HARD';
  readonly actionParameters?: readonly { readonly key: string; readonly value: string }[];
}

/** The twin's extension on a node: a role LIF's actions and stations cannot say (docs/formats.md). */
export interface TwinNodeExtension {
  readonly role?: string;
}

/** The twin's extension on an edge: the lane's width, which LIF has no field for (docs/formats.md). */
export interface TwinEdgeExtension {
  readonly laneWidthM?: number;
}

export interface LifVehicleTypeNodeProperty {
  readonly vehicleTypeId: string;
  readonly theta?: number;
  readonly actions?: readonly LifAction[];
  readonly smartGateTwin?: TwinNodeExtension;
}

export interface LifNode {
  readonly nodeId: string;
  readonly nodeName?: string;
  readonly nodeDescription?: string;
  readonly mapId?: string;
  readonly nodePosition: LifPoint;
  readonly vehicleTypeNodeProperties: readonly LifVehicleTypeNodeProperty[];
}

type Rotation = 'NONE' | 'CCW' | 'CW' | 'BOTH';

export interface LifVehicleTypeEdgeProperty {
  readonly vehicleTypeId: string;
  readonly vehicleOrientation?: number;
  readonly orientationType?: 'GLOBAL' | 'TANGENTIAL';
  readonly rotationAllowed: boolean;
  readonly rotationAtStartNodeAllowed?: Rotation;
  readonly rotationAtEndNodeAllowed?: Rotation;
  readonly maxSpeed?: number;
  readonly maxRotationSpeed?: number;
  readonly minHeight?: number;
  readonly maxHeight?: number;
  readonly loadRestriction?: { readonly unloaded: boolean; readonly loaded: boolean; readonly loadSetNames?: readonly string[] };
  readonly actions?: readonly LifAction[];
  readonly trajectory?: {
    readonly degree?: number;
    readonly knotVector: readonly number[];
    readonly controlPoints: readonly (LifPoint & { readonly weight?: number })[];
  };
  readonly reentryAllowed?: boolean;
  readonly smartGateTwin?: TwinEdgeExtension;
}

export interface LifEdge {
  readonly edgeId: string;
  readonly edgeName?: string;
  readonly edgeDescription?: string;
  readonly startNodeId: string;
  readonly endNodeId: string;
  readonly vehicleTypeEdgeProperties: readonly LifVehicleTypeEdgeProperty[];
}

export interface LifStation {
  readonly stationId: string;
  readonly interactionNodeIds: readonly string[];
  readonly stationName?: string;
  readonly stationDescription?: string;
  readonly stationHeight?: number;
  readonly stationPosition?: LifPoint & { readonly theta?: number };
}

export interface LifLayout {
  readonly layoutId: string;
  readonly layoutName?: string;
  readonly layoutVersion: string;
  readonly layoutLevelId?: string;
  readonly layoutDescription?: string;
  readonly nodes: readonly LifNode[];
  readonly edges: readonly LifEdge[];
  readonly stations: readonly LifStation[];
}

export interface LifDocument {
  readonly metaInformation: {
    readonly projectIdentification: string;
    readonly creator: string;
    readonly exportTimestamp: string;
    readonly lifVersion: string;
  };
  readonly layouts: readonly LifLayout[];
}
